import { eng, zho } from 'stopword';

/**
 * Words too common to say what a text is about. The stopword package's lists are the base; the extras
 * are frequent interview words those lists miss (question words, auxiliaries, contractions' first
 * halves, fillers) and Chinese pronouns, particles and degree adverbs.
 */
const ENGLISH_EXTRA = [
  'why', 'when', 'who', 'whom', 'whose', 'will', 'shall', 'does', 'doing', 'done', 'yes', 'yeah', 'ok', 'okay',
  'oh', 'um', 'uh', 'don', 'didn', 'doesn', 'isn', 'aren', 'wasn', 'weren', 'won', 'wouldn', 'couldn', 'shouldn',
  'haven', 'hasn', 'hadn', 'ain', 'll', 've', 're', 'just', 'really', 'actually', 'kind', 'sort', 'lot', 'lots',
  'thing', 'things', 'going', 'gonna', 'got', 'let', 'us', 'its', 'it', 'also', 'even', 'there', 'here', 'every',
  'around', 'maybe', 'quite', 'pretty', 'bit', 'whether', 'yet', 'either', 'neither', 'nor', 'not', 'no', 'etc',
  'one', 'ones', 'hmm', 'mm', 'right', 'sure', 'anyway', 'something', 'anything', 'everything', 'nothing',
  'someone', 'anyone', 'everyone', 'via', 'per', 'upon', 'onto', 'within', 'without', 'toward', 'towards',
  'having', 'being', 'getting', 'gets', 'goes', 'went', 'say', 'says', 'said', 'tell', 'told', 'whats', 'hes', 'shes',
  // Indefinite pronouns and adverbs (a closed class): they point at a topic, they never are one.
  'somewhere', 'anywhere', 'everywhere', 'nowhere', 'elsewhere', 'somehow', 'anyhow', 'sometime', 'someday',
  'anymore', 'somebody', 'anybody', 'everybody', 'nobody', 'whatever', 'whoever', 'wherever', 'whenever',
  // "X vs Y" sets two topics side by side; the word itself is no topic (unknown to a corpus, it would weigh most).
  'vs', 'versus',
  // Chat spellings of closed-class words: contractions typed without the apostrophe, and fillers.
  'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'wouldnt', 'couldnt', 'shouldnt',
  'havent', 'hasnt', 'im', 'ive', 'youre', 'theyre', 'thats', 'theres', 'hows', 'whos', 'kinda', 'sorta',
  'wanna', 'gotta', 'lemme', 'gimme', 'dunno', 'tbh', 'imo', 'imho', 'ngl', 'idk', 'btw', 'fyi', 'lol', 'lmao',
  'pls', 'plz', 'thx', 'ya', 'yep', 'nope', 'nah',
];

const CHINESE_EXTRA = [
  '这个', '那个', '一个', '一些', '这些', '那些', '我们', '你们', '他们', '她们', '它们', '它', '自己', '什么', '怎么',
  '这样', '那样', '这种', '那种', '因为', '所以', '但是', '但', '而且', '而', '如果', '就是', '可能', '可以', '非常',
  '真的', '确实', '已经', '其实', '实际上', '还是', '或者', '以及', '然后', '只是', '一样', '这么', '那么', '比如',
  '之类', '的话', '所', '被', '让', '给', '从', '以', '将', '这', '那', '其', '呀', '哦', '嗯', '吧', '呢',
  '吗', '啊', '了', '过', '着', '得', '地', '的', '是', '也', '都', '就', '又', '还', '很', '太', '更', '最', '没',
  '不', '会', '要', '能', '在', '和', '与', '及', '对', '于', '为', '把', '向', '有', '没有', '一', '个', '如', '像',
  '很多', '关于', '所说', '东西', '事情', '时候', '现在', '我', '你', '他', '她',
];

export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([...eng, ...ENGLISH_EXTRA]);
export const CHINESE_STOPWORDS: ReadonlySet<string> = new Set([...zho, ...CHINESE_EXTRA]);

/**
 * Words that carry little of a question's subject: adverbs of time and degree, generic verbs, quantifiers
 * ("eventually", "these days", "keep up", "plan", "一共"). Unlike stop words they are still searched, but
 * they weigh little toward coverage, so a question phrased with them is judged by its subject words, and
 * an answer need not repeat them ("Will X eventually hit a wall?" is about X and the wall).
 */
export const WEAK_ENGLISH: readonly string[] = [
  'eventually', 'ultimately', 'soon', 'often', 'usually', 'always', 'ever', 'still', 'already', 'later', 'again',
  'now', 'today', 'currently', 'nowadays', 'days', 'lately', 'recently', 'personally', 'itself', 'himself',
  'themselves', 'plan', 'plans', 'planning', 'want', 'wants', 'wish', 'wishes', 'hope', 'hopes', 'make', 'makes',
  'making', 'get', 'keep', 'keeps', 'see', 'sees', 'use', 'uses', 'using', 'need', 'needs', 'come', 'comes', 'take',
  'takes', 'give', 'gives', 'put', 'go', 'much', 'many', 'more', 'most', 'less', 'least', 'enough', 'well', 'kind',
  'kinds', 'type', 'types', 'way', 'ways', 'part', 'whole', 'exactly', 'mostly', 'mainly', 'particular', 'specific',
  'certain', 'possible', 'likely', 'probably', 'stuff', 'somebody', 'anybody', 'sit', 'sits', 'happen', 'happens',
  'hit', 'deal', 'end', 'expect', 'expects', 'bring', 'able', 'cause', 'causes', 'lead', 'leads', 'roughly',
  'approximately', 'around', 'about', 'basically', 'generally', 'really', 'truly',
  // Prepositions and conjunctions the stopword list lacks (a closed class): they relate a question's
  // topics, they are none ("can a startup survive *against* the giants?").
  'against', 'among', 'amongst', 'despite', 'beyond', 'across', 'behind', 'beside', 'besides', 'beneath',
  'underneath', 'throughout', 'unlike', 'amid', 'along', 'alongside', 'inside', 'till', 'until', 'though',
  'although', 'unless', 'whereas', 'whilst', 'except', 'including', 'above', 'below', 'during',
];
export const WEAK_CHINESE: readonly string[] = [
  '一共', '总共', '多少', '上', '下', '里', '中', '朝', '往', '应该', '到底', '究竟', '真正', '以后', '之后', '一直',
  '总是', '经常', '能否', '是否', '是不是', '一下', '打算', '计划', '希望', '想要', '需要', '带来', '导致', '发生', '来', '去',
  '用', '使用', '大概', '大约', '左右',
  // Colloquial fillers of spoken questions ("要是…", "哪个…", "这招…"): they frame the topic, they are not it.
  '要是', '如果', '哪个', '一般', '还有', '还会', '这招', '那笔', '这么', '那么', '最后', '一步步', '现在', '目前',
];
