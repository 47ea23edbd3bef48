/** A long path that may wrap only after a dot, never inside a word. */
export function BreakableAtDots({ text }: { text: string }) {
  const parts = text.split('.');
  const pieces = parts.map((part, index) => (index < parts.length - 1 ? part + '.' : part));
  return (
    <>
      {pieces.map((piece, index) => (
        <span key={index}>
          {piece}
          {index < pieces.length - 1 ? <wbr /> : null}
        </span>
      ))}
    </>
  );
}
