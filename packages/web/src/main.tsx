import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { unstableSetRender } from 'antd';
import 'antd/dist/reset.css';
import { AppRoot } from './app/app-root';

// antd 5 renders its static pop-ups with React 18's API; React 19 needs the root API (antd's documented hook).
unstableSetRender((node, container) => {
  const c = container as Element & { _fuyouRoot?: Root };
  c._fuyouRoot ??= createRoot(container);
  const root = c._fuyouRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
  };
});

const el = document.getElementById('root');
if (!el) throw new Error('no #root element');
createRoot(el).render(
  <StrictMode>
    <AppRoot />
  </StrictMode>,
);
