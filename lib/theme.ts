/** The page background per colour scheme (Tailwind's white and neutral-950, as in app/[locale]/layout.tsx). */
export const THEME_COLORS = { light: '#ffffff', dark: '#0a0a0a' } as const;
