import { HIGHLIGHT_CLASS } from './highlight';

interface Props {
  text: string;
  index: number;
  highlighted: boolean;
  /** In the Tab order: true where the sentence has a counterpart to show. */
  focusable: boolean;
  onEnter: () => void;
  onLeave: () => void;
  id?: string;
}

/** One sentence of running text that lights up its counterpart when hovered or focused. */
export function SentenceSpan({ text, index, highlighted, focusable, onEnter, onLeave, id }: Props) {
  return (
    <span
      id={id}
      data-sentence={index}
      tabIndex={focusable ? 0 : -1}
      onMouseEnter={onEnter}
      onMouseLeave={onLeave}
      onFocus={onEnter}
      onBlur={onLeave}
      className={`rounded-sm box-decoration-clone transition-colors duration-150 motion-reduce:transition-none ${
        highlighted ? HIGHLIGHT_CLASS : ''
      }`}
    >
      {text}
    </span>
  );
}
