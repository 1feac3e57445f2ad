import type { ComponentProps } from 'react';

type Variant = 'primary' | 'secondary' | 'quiet';

const VARIANTS: Record<Variant, string> = {
  primary:
    'bg-blue-700 text-white shadow-sm hover:bg-blue-800 dark:bg-blue-400 dark:text-neutral-950 dark:hover:bg-blue-300',
  secondary:
    'border border-neutral-300 bg-white text-neutral-800 shadow-xs hover:bg-neutral-50 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:hover:bg-neutral-800',
  quiet:
    'text-neutral-700 hover:bg-neutral-100 hover:text-neutral-900 dark:text-neutral-300 dark:hover:bg-neutral-800 dark:hover:text-white',
};

export const buttonClass = (variant: Variant = 'secondary', size: 'sm' | 'md' = 'md') =>
  `inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${
    size === 'sm' ? 'px-2.5 py-1 text-sm' : 'px-4 py-2 text-sm'
  } ${VARIANTS[variant]}`;

interface Props extends ComponentProps<'button'> {
  variant?: Variant;
  size?: 'sm' | 'md';
}

/** A button that is a button by default (`type="button"`): only the Run button submits the form. */
export function Button({ variant, size, className = '', type = 'button', ...props }: Props) {
  return <button type={type} className={`${buttonClass(variant, size)} ${className}`} {...props} />;
}
