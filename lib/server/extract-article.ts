import 'server-only';
import { extractArticle, type ImportedArticle } from '@/lib/text/extract-article';
import { fetchPage, type FetchPageOptions } from './fetch-page';

export async function importArticle(url: string, options?: FetchPageOptions): Promise<ImportedArticle> {
  return extractArticle(await fetchPage(url, options));
}
