/** Text files imported with Vite's `?raw` suffix (test fixtures shipped in npm packages). */
declare module '*?raw' {
  const text: string;
  export default text;
}
