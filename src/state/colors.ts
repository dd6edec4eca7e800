/**
 * One colour per process, shared by its console text and its timeline lane, chosen
 * to stay distinct on a dark background and on a washed-out projector.
 */
const PALETTE = [
  "#4fc3f7",
  "#ffb74d",
  "#81c784",
  "#f06292",
  "#ba68c8",
  "#fff176",
  "#4db6ac",
  "#ff8a65",
  "#9575cd",
  "#aed581",
  "#e57373",
  "#90a4ae",
];

export function processColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length] ?? "#ffffff";
}
