// Password length rule, shared by the server's validation and the web forms.
export const PASSWORD_RULE = { min: 8, max: 128 };
