import { RestError, type PipelinePolicy } from '@azure/core-rest-pipeline';

/** Error code of a 2xx answer that is not the JSON ARM sends (a proxy's page, a cut or garbled body). */
export const MALFORMED_CODE = 'MalformedResponse';

/**
 * perRetry policy: a successful answer whose body is not JSON (a proxy's HTML page, text/plain, a body cut short or
 * garbled) fails here with one named line, instead of reaching a typed client that would read `undefined.value`.
 */
export function responseCheckPolicy(): PipelinePolicy {
  return {
    name: 'erscopeResponseCheck',
    sendRequest: async (req, next) => {
      const res = await next(req);
      if (res.status < 200 || res.status >= 300 || req.streamResponseStatusCodes?.size) return res;
      const text = res.bodyAsText ?? '';
      if (text.trim() === '') return res;
      const type = res.headers.get('content-type') ?? '(none)';
      const what = `${req.method} ${new URL(req.url).pathname}`;
      if (!/\bjson\b/i.test(type)) {
        throw new RestError(`ARM answered ${what} with ${type.split(';')[0]} instead of JSON (a proxy in the way?): ${preview(text)}`, { code: MALFORMED_CODE, statusCode: res.status, request: req });
      }
      try {
        JSON.parse(text);
      } catch {
        throw new RestError(`ARM answered ${what} with a broken JSON body (${text.length} bytes, cut short or garbled): ${preview(text)}`, { code: MALFORMED_CODE, statusCode: res.status, request: req });
      }
      return res;
    },
  };
}

function preview(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(one.length > 60 ? `${one.slice(0, 57)}...` : one);
}
