-- Case codes (GT-2025-0000123) come from their own sequence, independent of row ids.
CREATE SEQUENCE IF NOT EXISTS case_code_seq;
