/** The NL Design System styles every app loads: Noto Sans, the Utrecht design tokens and components. */
import '@fontsource-variable/noto-sans/index.css';
import '@utrecht/design-tokens/dist/index.css';
import '@utrecht/component-library-css/dist/index.css';
import './theme.css';
