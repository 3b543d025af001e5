import { ApiRoot, type ByProjectKeyRequestBuilder, type ClientRequest, type ClientResponse } from '@commercetools/platform-sdk';
import type { CtpConfig } from '../../config/ctpConfig.js';
import { CommercetoolsApiError } from './CommercetoolsApiError.js';
import { sendRequest, type SendOptions } from './sendRequest.js';

export type ProjectApi = ByProjectKeyRequestBuilder;

/**
 * Renews the bearer token after commercetools refused it (401) although it looked valid: a revoked token
 * or a skewed clock. Resolves with the new access token, or undefined when it cannot be renewed.
 */
export type RenewToken = () => Promise<string | undefined>;

/**
 * The platform SDK's typed request builder over our own transport: one fetch per request, the
 * given bearer token and nothing else. The SDK's auth middleware is not used at all, so it can never
 * swap a shopper's token for a fresh anonymous one. The one retry there is: a 401 with `renew` given
 * renews the token through the caller (the refresh flow, stored in the session) and repeats the request once.
 */
export function createProjectApi(config: CtpConfig, accessToken: string, options: SendOptions = {}, renew?: RenewToken): ProjectApi {
  let bearer = accessToken;
  const send = async (request: ClientRequest, body: string | undefined): Promise<ClientResponse> => {
    const answer = await sendRequest(
      `${config.apiUrl}${request.uri ?? ''}`,
      {
        method: request.method,
        headers: {
          authorization: `Bearer ${bearer}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
      },
      options,
    );
    return { body: answer.body, statusCode: answer.status };
  };
  const executeRequest = async (request: ClientRequest): Promise<ClientResponse> => {
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    try {
      return await send(request, body);
    } catch (error) {
      if (renew === undefined || !(error instanceof CommercetoolsApiError) || error.status !== 401) throw error;
      const renewed = await renew();
      if (renewed === undefined) throw error;
      bearer = renewed;
      return send(request, body);
    }
  };
  return new ApiRoot({ executeRequest, baseUri: config.apiUrl }).withProjectKey({ projectKey: config.projectKey });
}
