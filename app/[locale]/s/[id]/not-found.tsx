import { ShareGone } from '@/components/share/share-gone';

// An unknown id and a deleted share are the same to the store, and so to the reader: the link leads nowhere now.
export default function ShareNotFound() {
  return <ShareGone />;
}
