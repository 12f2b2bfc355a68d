// Masked forms shown by default. Unmasked values only come from the audited reveal endpoint.

/** ID-card number: first 6 + last 4, `*` between (330282********1234). */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 10) return "*".repeat(s.length);
  return s.slice(0, 6) + "*".repeat(s.length - 10) + s.slice(-4);
}

/**
 * Phone: mobile 138****5678; landline keeps area code and last 4 (0574****5678, 021****5678); a number without
 * an area code keeps only its last 4 (****5678).
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  const d = digits.startsWith("86") && digits.length === 13 ? digits.slice(2) : digits;
  if (d.length < 7) return "*".repeat(d.length);
  // Area codes are 3 digits for 010 and 02x (Beijing, Shanghai, Guangzhou …), 4 digits elsewhere (0574 Ningbo).
  const areaCode = d.startsWith("0") ? d.slice(0, /^0[12]/.test(d) ? 3 : 4) : "";
  const head = /^1\d{10}$/.test(d) ? d.slice(0, 3) : areaCode;
  // Never show a number almost whole: at least 3 digits stay hidden.
  const shown = d.length - head.length - 4 >= 3 ? head : "";
  return shown + "*".repeat(d.length - shown.length - 4) + d.slice(-4);
}
