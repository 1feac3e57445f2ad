import { localModelsDir } from '@/lib/server/engine';
import { serveModelFile } from '@/lib/server/model-files';

/** The server's local model folders, read-only, for the browser worker (transformers.js `localModelPath`). */
interface Context {
  params: Promise<{ path: string[] }>;
}

export async function GET(request: Request, { params }: Context) {
  return serveModelFile(request, localModelsDir(), (await params).path);
}

export const HEAD = GET;
