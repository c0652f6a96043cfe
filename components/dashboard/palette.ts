// Series colours, distinguishable on white and for common colour-blindness (Tableau 10 + 2).
// A chart with more series than colours shows its table instead.
export const SERIES_COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#0f766e", "#7c3aed"];
