/** Offer bytes as a file download through a Blob link (nothing leaves the machine). */
export { DOCX_MIME, XLSX_MIME } from "../report/deliver";

export function downloadBytes(name: string, bytes: Uint8Array, mime: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "县域数据.xlsx" → "县域数据（已检查）.xlsx". */
export function checkedName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base}（已检查）.xlsx`;
}
