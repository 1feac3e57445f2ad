import 'server-only';
import type { ApiKeyRecord, FileRecord, ShareRecord } from './port';

/** The columns of the tables as both adapters read them (the same names in both dialects). */
export interface ShareRow {
  id: string;
  title: string;
  payload: string;
  delete_token_hash: Buffer;
  created_at: number;
  expires_at: number | null;
}

export interface KeyRow {
  id: string;
  name: string;
  key_hash: Buffer;
  per_minute: number;
  created_at: number;
}

export const toShare = (row: ShareRow): ShareRecord => ({
  id: row.id,
  title: row.title,
  payload: row.payload,
  tokenHash: row.delete_token_hash,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

export const toKey = (row: KeyRow): ApiKeyRecord => ({
  id: row.id,
  name: row.name,
  keyHash: row.key_hash,
  perMinute: row.per_minute,
  createdAt: row.created_at,
});

export interface FileRow {
  id: string;
  name: string;
  content_type: string;
  body: Buffer;
  expires_at: number;
}

export const toFile = (row: FileRow): FileRecord => ({
  id: row.id,
  name: row.name,
  contentType: row.content_type,
  body: row.body,
  expiresAt: row.expires_at,
});
