import type { ReactNode } from "react";
import "./globals.css";

export const metadata = { title: "mspgraph", description: "One API over your PSA, monitoring and backups" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
