import { ApiRoot, type ByProjectKeyRequestBuilder, type ClientRequest, type ClientResponse } from '@commercetools/platform-sdk';
import type { CtpConfig } from '../../config/ctpConfig.js';
import { sendRequest, type SendOptions } from './sendRequest.js';

export type ProjectApi = ByProjectKeyRequestBuilder;

/**
 * The platform SDK's typed request builder over our own transport: one fetch per request, the
 * given bearer token and nothing else. The SDK's auth middleware is not used at all, so it can never
 * swap a shopper's token for a fresh anonymous one, and there are no hidden retries.
 */
export function createProjectApi(config: CtpConfig, accessToken: string, options: SendOptions = {}): ProjectApi {
  const executeRequest = async (request: ClientRequest): Promise<ClientResponse> => {
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const answer = await sendRequest(
      `${config.apiUrl}${request.uri ?? ''}`,
      {
        method: request.method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
      },
      options,
    );
    return { body: answer.body, statusCode: answer.status };
  };
  return new ApiRoot({ executeRequest, baseUri: config.apiUrl }).withProjectKey({ projectKey: config.projectKey });
}
