import { Field } from './basics';

export function FilePicker({ label, accept, error, hint, onFile }: { label: string; accept: string; error?: string | undefined; hint?: string; onFile: (f: File | null) => void }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => (
        <input
          id={id}
          type="file"
          accept={accept}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
        />
      )}
    </Field>
  );
}

/** Reads a file's bytes, reporting progress (FileReader does; file.arrayBuffer() does not). */
export function readBytes(file: Blob, onProgress: (loaded: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}
