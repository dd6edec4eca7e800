import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { IsolationGate } from "./ui/Isolation/IsolationGate";
import { App } from "./ui/App/App";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <IsolationGate>
      <App />
    </IsolationGate>
  </StrictMode>,
);
