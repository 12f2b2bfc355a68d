// Shows a failed request to the user: the server's message (and detail), or the way to the login page on 401.
import { App } from "antd";
import { useRef } from "react";
import { useLocation, useNavigate } from "react-router";
import { ApiError } from "./api.js";

export function useErrorReporter(): (err: unknown) => void {
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  // The query client is created once; it calls through these refs to the current router and notifier.
  const current = useRef({ notification, navigate, location });
  current.current = { notification, navigate, location };

  const ref = useRef((err: unknown) => {
    const { notification, navigate, location } = current.current;
    if (err instanceof ApiError && err.status === 401) {
      if (err.body.code === "SESSION_EXPIRED") notification.warning({ message: err.body.message, key: "session" });
      if (location.pathname !== "/login") {
        const next = location.pathname + location.search;
        navigate(`/login${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`, { replace: true });
      }
      return;
    }
    const body = err instanceof ApiError ? err.body : undefined;
    notification.error({
      message: body?.message ?? String((err as Error)?.message ?? err),
      description: body ? describe(body) : undefined,
      key: body?.correlationId || undefined,
    });
  });
  return ref.current;
}

function describe(body: ApiError["body"]): string | undefined {
  const lines = [body.detail, ...(body.fields ?? []).map((f) => `${f.path}：${f.message}`)].filter(Boolean);
  if (body.correlationId) lines.push(`编号 ${body.correlationId}`);
  return lines.join("\n") || undefined;
}
