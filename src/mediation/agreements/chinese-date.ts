// 2026年6月30日 for a date (YYYY-MM-DD) or an instant, in Beijing time; blanks to fill in by hand when there is none.
// No database imports: the print page uses it too.
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return "____年__月__日";
  const at = new Date(iso.length === 10 ? `${iso}T12:00:00+08:00` : iso);
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(at).split("-");
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}
