// react-query for all server data; failures are reported once, here, unless a mutation asks to stay quiet.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiError } from "./api.js";
import { useErrorReporter } from "./errors.js";

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: { quiet?: boolean };
    queryMeta: { quiet?: boolean };
  }
}

export function DataProvider({ children }: { children: ReactNode }) {
  const report = useErrorReporter();
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: (err, query) => query.meta?.quiet || report(err) }),
        mutationCache: new MutationCache({ onError: (err, _v, _c, mutation) => mutation.meta?.quiet || report(err) }),
        defaultOptions: {
          queries: {
            retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
            refetchOnWindowFocus: false,
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
