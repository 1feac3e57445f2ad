import type messages from '../messages/en.json';
import type { routing } from './routing';

// Types next-intl's APIs with our locales and message keys, so a missing or misspelt key fails type-checking.
declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
