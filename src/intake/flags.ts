// Data-quality flags the standardiser sets on a record, with their names. No database imports: the web app uses this.
export const RECORD_FLAGS = ["invalid_phone", "invalid_id_number", "invalid_credit_code", "address_unresolved", "markup_in_text"] as const;
export type RecordFlag = (typeof RECORD_FLAGS)[number];

export const RECORD_FLAG_NAMES: Record<RecordFlag, string> = {
  invalid_phone: "电话无效",
  invalid_id_number: "身份证号无效",
  invalid_credit_code: "信用代码无效",
  address_unresolved: "地址未定位",
  markup_in_text: "含可疑标记",
};
