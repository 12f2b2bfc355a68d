// Sends one channel file's bytes to POST /api/intake/upload. XMLHttpRequest, not fetch: only it reports upload progress.
import type { ChannelCode } from "../../../intake/channels.js";
import { apiError, networkError, requestHeaders, withQuery } from "../api.js";
import type { UploadSummary } from "./intake-api.js";

/** `onSent` gets the share of the bytes sent (0–1); the server's work on them follows. */
export function uploadFile(file: File, channel: ChannelCode | undefined, onSent: (share: number) => void): Promise<UploadSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", withQuery("/api/intake/upload", { fileName: file.name, channel }));
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(requestHeaders("POST"))) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => e.lengthComputable && onSent(e.loaded / e.total);
    xhr.upload.onload = () => onSent(1);
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadSummary);
        } catch {
          reject(apiError(xhr.status, xhr.statusText, "", xhr.getResponseHeader("x-correlation-id")));
        }
      } else {
        reject(apiError(xhr.status, xhr.statusText, xhr.responseText, xhr.getResponseHeader("x-correlation-id")));
      }
    };
    xhr.send(file);
  });
}
