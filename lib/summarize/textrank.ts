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

/**
 * A word in more than this many sentences links nearly all of them and says little about which are central;
 * skipping it keeps the graph sparse, so 5,000 sentences cost O(n × this) instead of O(n²) time and memory.
 * Articles under this many sentences (all real news) are ranked exactly.
 */
const MAX_POSTINGS = 200;

/** Cosine similarities as a sparse symmetric graph: only sentences that share a word are linked. */
function similarityGraph(vectors: readonly Vector[]): Map<number, number>[] {
  const postings = new Map<string, number[]>();
  vectors.forEach((vector, i) => {
    for (const term of vector.keys()) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  const dots = vectors.map(() => new Map<number, number>());
  for (const [term, documents] of postings) {
    if (documents.length > MAX_POSTINGS) continue;
    for (let a = 0; a < documents.length; a++) {
      const i = documents[a]!;
      const weight = vectors[i]!.get(term)!;
      for (let b = a + 1; b < documents.length; b++) {
        const j = documents[b]!;
        dots[i]!.set(j, (dots[i]!.get(j) ?? 0) + weight * vectors[j]!.get(term)!);
      }
    }
  }
  const norms = vectors.map(norm);
  const graph = vectors.map(() => new Map<number, number>());
  dots.forEach((row, i) => {
    for (const [j, dot] of row) {
      const similarity = dot / (norms[i]! * norms[j]!);
      graph[i]!.set(j, similarity);
      graph[j]!.set(i, similarity);
    }
  });
  return graph;
}

/** Weighted PageRank by power iteration; the weights are symmetric, so in- and out-edges coincide. */
function pageRank(graph: readonly Map<number, number>[]): number[] {
  const n = graph.length;
  const outWeight = graph.map((edges) => [...edges.values()].reduce((sum, w) => sum + w, 0));
  let scores = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // A sentence that shares no word with any other spreads its score evenly, so scores keep summing to 1.
    const dangling = scores.reduce((sum, score, j) => (outWeight[j] === 0 ? sum + score : sum), 0);
    const next = graph.map((edges) => {
      let incoming = dangling / n;
      for (const [j, w] of edges) incoming += (w / outWeight[j]!) * scores[j]!;
      return (1 - DAMPING) / n + DAMPING * incoming;
    });
    const change = next.reduce((sum, score, i) => sum + Math.abs(score - scores[i]!), 0);
    scores = next;
    if (change < TOLERANCE) break;
  }
  return scores;
}

/** How central each document (a sentence's words) is to the whole; one score per document, summing to 1. */
export function textRank(documents: readonly (readonly string[])[]): number[] {
  return pageRank(similarityGraph(tfIdfVectors(documents)));
}
