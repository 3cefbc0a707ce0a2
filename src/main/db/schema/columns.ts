/** Column value types shared by every table's row shape. */
export type Timestamp = string; // UTC ISO-8601
export type Flag = 0 | 1;
