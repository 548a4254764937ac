import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return <h1>妇幼健康信息平台</h1>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
