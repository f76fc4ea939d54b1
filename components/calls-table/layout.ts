/** Fixed heights (px): the virtualizer then needs no measuring, and rows sit below the header. */
export const ROW_HEIGHT = 40;
export const HEADER_HEIGHT = 36;
/** Conversations: the first column, with a conversation's legs disclosure. */
export const LEGS_WIDTH = 72;
