import { englishTerm } from './english.ts';

/**
 * A small, general-purpose thesaurus: words a question may use for what the transcript (or its
 * translation) says with another word. Each line is one group of related words; a question word finds
 * passages with any word of its groups, at a lower weight than the word itself. Keep it general: it
 * must help every question of a kind, never one particular question.
 */
const GROUPS = `
child children kid kids son daughter baby
money funding fund funds capital cash dollar dollars financing
raise fundraise fundraising financing round
invest investment investor investors venture vc pour
compute computing computation gpu gpus chip chips hardware
price pricing cost costs expensive cheap cheaper costly
margin margins profit profits profitable profitability
buy acquire acquisition acquisitions purchase merger merge consolidation takeover absorb swallow
sell selling sale sales salesperson
job jobs work employment worker workers unemployment role roles career labor labour
replace replacement displacement displace automate automation substitute
company companies firm firms business businesses
startup startups founder founders
big large huge giant massive
small tiny compact little
robot robots robotics humanoid
chatbot chatbots bot bots assistant companion
model models llm llms
data dataset datasets
reasoning reason logic
improve improvement progress advance boost gain gains
hard difficult difficulty challenge challenging tough
easy simple straightforward
board director directors
customer customers client clients user users
valuation valued worth
cloud aws azure hyperscaler
risk risks danger dangerous threat doom doomer pessimistic apocalypse
optimistic optimism hopeful
productivity productive efficiency efficient
conversation chat talking converse
free open-source opensource giveaway
learn learning teach teaching education curriculum
game games gaming play playing
competition compete competitor competitors rival rivals race
market markets industry
grow growth growing
important importance crucial critical essential
synthetic generated artificial
human humans person people
date dating relationship partner romance
scale scaling size
fail failure failed unsuccessful
future ahead coming
opportunity opportunities chance
underestimate underestimated overlooked
hire hiring recruit recruiting employ staff team
new newer newest recent latest modern
old older oldest outdated previous obsolete
difference differences distinguish differentiate
train training develop development build building
expensive costly pricey
advice advise guidance mentor
web internet online
wall bottleneck ceiling plateau limit limits limitation
hurt harm damage impact affect
bad wrong mistake error incorrect
example examples sample samples instance
drop fall falling decline decrease shrink reduce reduction fewer
rise rising increase climb
smart intelligent clever intelligence
strategy approach tactic
sustainable viable durable
independent independence standalone
pick choose select
support help assist benefit benefits useful
arrive land receive
label labelling labeling annotate annotation annotator annotators
partner partnership collaborate collaboration cooperation
immediately instantly instant immediate quickly
investor investors backer backers
`;

const related = new Map<string, Set<string>>();
for (const line of GROUPS.trim().split('\n')) {
  const terms = [...new Set(line.trim().split(/\s+/).map(englishTerm).filter((t): t is string => t !== null))];
  for (const t of terms) {
    const set = related.get(t) ?? new Set<string>();
    for (const u of terms) if (u !== t) set.add(u);
    related.set(t, set);
  }
}

/** Chinese near-synonyms, same idea. */
const CHINESE_GROUPS = [
  ['孩子', '小孩', '儿童', '子女'],
  ['钱', '资金', '融资', '筹集', '筹资'],
  ['工作', '岗位', '就业', '职业'],
  ['取代', '替代', '代替'],
  ['机器人', '人形机器人'],
  ['价格', '成本', '费用'],
  ['利润', '利润率', '盈利'],
  ['收购', '并购', '合并', '整合'],
  ['公司', '企业'],
  ['聊天机器人', 'ChatBot', 'chatbot'],
  ['客服', '客户服务', '客户支持'],
  ['担心', '担忧', '忧虑'],
  ['应对', '处理', '应付', '对付'],
  ['谩骂', '骂', '辱骂'],
  ['普通人', '普通', '大众', '一般人'],
  ['感受', '感觉', '察觉', '体会'],
  ['进步', '进展', '改进', '提升', '提高'],
  ['方向', '走向'],
  ['允许', '准许', '许可'],
  ['旧', '过时', '陈旧', '去年', '上一代', '老'],
  ['例子', '举例', '例如', 'example', 'examples'],
];
for (const group of CHINESE_GROUPS) {
  const terms = group.map((w) => (/^[a-z]/i.test(w) ? englishTerm(w.toLowerCase()) ?? w : w));
  for (const t of terms) {
    const set = related.get(t) ?? new Set<string>();
    for (const u of terms) if (u !== t) set.add(u);
    related.set(t, set);
  }
}

/** Index terms related to a term (not including the term itself). */
export function relatedTerms(term: string): string[] {
  return [...(related.get(term) ?? [])];
}
