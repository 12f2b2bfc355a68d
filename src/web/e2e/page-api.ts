// Calls to the API with the page's own session (cookie and CSRF token), for e2e steps that are not the point of a test.
import type { Page } from "playwright-core";

export async function apiGet<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(url, { headers: { accept: "application/json" } })).json(), url) as Promise<T>;
}

/** Registers a dispute at the walk-in window (the form's API, as the window's screen sends it); answers the status. */
export async function fileAtWindow(page: Page, form: Record<string, unknown>): Promise<number> {
  return page.evaluate(async (form) => {
    const csrf = document.cookie.split("; ").find((c) => c.startsWith("tb_csrf="))?.split("=")[1] ?? "";
    const res = await fetch("/api/intake/forms/window", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(csrf) },
      body: JSON.stringify(form),
    });
    return res.status;
  }, form);
}

/** The one case whose title holds `mark`, once formation has made it. */
export async function caseMarked(page: Page, mark: string, poll: (fn: () => Promise<number>) => Promise<void>): Promise<{ id: number; code: string }> {
  type Listed = { items: { id: number; code: string }[] };
  const url = `/api/cases?q=${encodeURIComponent(mark)}`;
  await poll(async () => (await apiGet<Listed>(page, url)).items.length);
  return (await apiGet<Listed>(page, url)).items[0];
}
