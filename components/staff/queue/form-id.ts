/** The bulk actions form: the row checkboxes of the table join it through their `form` attribute. */
export const BULK_FORM_ID = "actions-groupees";

/** The table header's « select all » box (focus goes back to it when the selection is emptied). */
export const SELECT_ALL_ID = "tout-selectionner";
