'use strict';
// The action the benchmark calls: the same JSON the bare server answers.
const BODY = JSON.stringify({ ok: true, items: [1, 2, 3], message: 'hello from the benchmark' });

module.exports = {
  default: {
    actions: {
      bench: {
        // Reads the session and leaves it as it is: the common case.
        read: (request) => ({ statusCode: 200, body: BODY, ...(request.sessionData.cartId ? {} : { sessionData: null }) }),
        // Rewrites the session on every call: a new token is encoded each time.
        write: (request) => ({ statusCode: 200, body: BODY, sessionData: { ...request.sessionData, hits: (request.sessionData.hits || 0) + 1 } }),
      },
    },
  },
};
module.exports.BODY = BODY;
