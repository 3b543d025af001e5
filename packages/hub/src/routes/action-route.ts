import type { HubState, RouteCall } from '../hub-state.js';
import { buildExtensionRequest, frontasticContextFor } from '../http/extension-request.js';
import { HEADER, headerText } from '../http/header-names.js';
import { parseQuery } from '../http/parse-query.js';
import { readBody } from '../http/read-body.js';
import { sendError } from '../http/respond.js';
import { redact } from '../log/logger.js';
import { runExtension } from '../run/run-extension.js';
import { sessionCopy } from '../session/incoming-session.js';
import { issueSession } from '../session/issue-session.js';
import { sessionWriteOf } from '../session/write-rules.js';
import { sendExtensionFailure } from './extension-failure.js';
import { readRequestSession } from './read-session.js';

interface HttpAnswer {
  statusCode: number;
  body: string;
  contractProblems: string[];
}

/** The platform answers whatever the action returned; contract breaches are reported, not fatal. */
function httpAnswerOf(result: unknown): HttpAnswer {
  const problems: string[] = [];
  const record = typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : undefined;
  if (record === undefined) return { statusCode: 200, body: '', contractProblems: [`the action returned ${result === null ? 'null' : typeof result} instead of { statusCode, body }`] };
  const statusCode = record['statusCode'];
  const validStatus = typeof statusCode === 'number' && Number.isInteger(statusCode) && statusCode >= 200 && statusCode <= 599;
  if (!validStatus) problems.push(statusCode === undefined ? 'statusCode is missing' : `statusCode ${JSON.stringify(statusCode)} is not an HTTP status`);
  const body = record['body'];
  let text = '';
  if (typeof body === 'string') text = body;
  else if (body === undefined) problems.push('body is missing');
  else {
    problems.push('body is not a string (it was JSON-encoded by the hub)');
    text = JSON.stringify(body) ?? '';
  }
  return { statusCode: validStatus ? (statusCode as number) : 200, body: text, contractProblems: problems };
}

export async function actionRoute(state: HubState, call: RouteCall, namespace: string, actionName: string): Promise<void> {
  const { req, res } = call;
  const handler = state.bundles.current.actions[namespace]?.[actionName];
  if (handler === undefined) {
    req.resume();
    sendError(res, 404, 'ACTION_NOT_FOUND', `No action "${namespace}/${actionName}" in the bundle; check actions.${namespace}.${actionName} in its default export.`, call.requestId);
    return;
  }
  const what = `action ${namespace}/${actionName}`;
  let body: string | undefined;
  try {
    body = await readBody(req, state.options.bodyLimitBytes);
  } catch (error) {
    sendExtensionFailure(state, call, what, error);
    return;
  }
  const incoming = readRequestSession(state, call);
  const request = buildExtensionRequest(req, { path: call.path, query: parseQuery(call.search), body, sessionData: sessionCopy(incoming), frontasticRequestId: call.requestId });
  let result: unknown;
  try {
    result = await runExtension(state, what, call.requestId, () => handler(request, { frontasticContext: frontasticContextFor(req, state.options) }));
  } catch (error) {
    sendExtensionFailure(state, call, what, error);
    return;
  }
  const answer = httpAnswerOf(result);
  if (answer.contractProblems.length > 0) {
    const problem = redact(answer.contractProblems.join('; '));
    res.setHeader(HEADER.extensionError, headerText(problem));
    state.logger.log('warn', 'action broke the response contract', { what, problem, requestId: call.requestId });
  }
  const issued = issueSession(incoming, sessionWriteOf(result), { key: state.issuingKey, cache: state.tokenCache, policy: state.sessionPolicy });
  if (issued.refused !== undefined) {
    res.setHeader(HEADER.sessionRefused, headerText(issued.refused));
    state.logger.log('warn', 'session write refused; the previous session is kept', { what, reason: issued.refused, requestId: call.requestId });
  }
  res.setHeader(HEADER.session, issued.token);
  res.writeHead(answer.statusCode, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}
