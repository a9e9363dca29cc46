// Where an element starts in its XML source (1-based line and column). Its own file
// so core/result.ts can name it without importing the model, which imports result.
export interface Pos {
  line: number;
  col: number;
}
