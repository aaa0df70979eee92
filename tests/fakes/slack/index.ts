/** Local Slack for tests: the fake Web API server and the signed-request sender. */
export {
  FAKE_BOT,
  FakeSlack,
  type AuthorizeVisit,
  type FakeOAuthApp,
  type FakeUser,
  type FakeWorkspace,
  type ResponseUrlPost,
  type WebApiCall,
} from './web-api.ts';
export { newTs, SlackRequester, type EventOptions, type SenderWorkspace, type SendOptions, type SlackResponse } from './requests.ts';
export { FakeSocketMode } from './socket-mode.ts';
