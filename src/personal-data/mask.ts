// Masked forms shown by default. Unmasked values only come from the audited reveal endpoint.

/** ID-card number: first 6 + last 4, `*` between (330282********1234). */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 10) return "*".repeat(s.length);
  return s.slice(0, 6) + "*".repeat(s.length - 10) + s.slice(-4);
}

/** Phone: mobile 138****5678; landline keeps area code and last 4 (0574****5678). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  const d = digits.startsWith("86") && digits.length === 13 ? digits.slice(2) : digits;
  if (d.length < 7) return "*".repeat(d.length);
  const head = d.startsWith("0") ? d.slice(0, 4) : d.slice(0, 3);
  return head + "*".repeat(d.length - head.length - 4) + d.slice(-4);
}
