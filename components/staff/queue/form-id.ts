/** The bulk actions form: the row checkboxes of the table join it through their `form` attribute. */
export const BULK_FORM_ID = "actions-groupees";
