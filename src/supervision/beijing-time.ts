// Times in notices are written in Beijing time, whatever the server's zone.
const format = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function beijingTime(d: Date): string {
  return format.format(d);
}
