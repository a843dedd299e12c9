/** Files dropped anywhere on the DOM layer: the panel is outlined while a file is over it. Returns the cleanup. */
export function watchDrops(layer: HTMLElement, panel: HTMLElement, onFile: (file: File) => void): () => void {
  const over = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    panel.classList.add('dropping');
  };
  const leave = () => panel.classList.remove('dropping');
  const drop = (event: DragEvent) => {
    event.preventDefault();
    leave();
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  };
  layer.addEventListener('dragover', over);
  layer.addEventListener('dragleave', leave);
  layer.addEventListener('drop', drop);
  return () => {
    layer.removeEventListener('dragover', over);
    layer.removeEventListener('dragleave', leave);
    layer.removeEventListener('drop', drop);
  };
}
