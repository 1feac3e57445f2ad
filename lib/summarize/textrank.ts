/**
 * TextRank (Mihalcea & Tarau, 2004): sentences are nodes, edges weigh how many distinctive words two
 * sentences share (cosine similarity of TF-IDF vectors), and PageRank over that graph finds the
 * sentences the rest of the text keeps coming back to.
 */

const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
/** Total change in scores below which PageRank has converged (scores sum to 1). */
const TOLERANCE = 1e-10;

type Vector = Map<string, number>;

function tfIdfVectors(documents: readonly (readonly string[])[]): Vector[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of documents) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = documents.length;
  return documents.map((terms) => {
    const vector: Vector = new Map();
    for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + 1);
    for (const [term, count] of vector) {
      // Smoothed IDF, as scikit-learn computes it: a word found in every sentence still links them a
      // little instead of vanishing, which matters for short texts where few words repeat at all.
      const idf = Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0))) + 1;
      vector.set(term, count * idf);
    }
    return vector;
  });
}

function norm(vector: Vector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

function cosine(a: Vector, b: Vector, normA: number, normB: number): number {
  if (normA === 0 || normB === 0) return 0;
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  return dot / (normA * normB);
}

function similarityMatrix(vectors: readonly Vector[]): number[][] {
  const norms = vectors.map(norm);
  const matrix = vectors.map(() => new Array<number>(vectors.length).fill(0));
  vectors.forEach((a, i) => {
    for (let j = i + 1; j < vectors.length; j++) {
      const similarity = cosine(a, vectors[j] ?? new Map(), norms[i] ?? 0, norms[j] ?? 0);
      matrix[i]![j] = similarity;
      matrix[j]![i] = similarity;
    }
  });
  return matrix;
}

/** Weighted PageRank by power iteration; the weights are symmetric, so in- and out-edges coincide. */
function pageRank(weights: readonly (readonly number[])[]): number[] {
  const n = weights.length;
  const outWeight = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  let scores = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // A sentence that shares no word with any other spreads its score evenly, so scores keep summing to 1.
    const dangling = scores.reduce((sum, score, j) => (outWeight[j] === 0 ? sum + score : sum), 0);
    const next = weights.map((row) => {
      let incoming = dangling / n;
      row.forEach((w, j) => {
        if (w > 0) incoming += (w / (outWeight[j] ?? 1)) * (scores[j] ?? 0);
      });
      return (1 - DAMPING) / n + DAMPING * incoming;
    });
    const change = next.reduce((sum, score, i) => sum + Math.abs(score - (scores[i] ?? 0)), 0);
    scores = next;
    if (change < TOLERANCE) break;
  }
  return scores;
}

/** How central each document (a sentence's words) is to the whole; one score per document, summing to 1. */
export function textRank(documents: readonly (readonly string[])[]): number[] {
  return pageRank(similarityMatrix(tfIdfVectors(documents)));
}
