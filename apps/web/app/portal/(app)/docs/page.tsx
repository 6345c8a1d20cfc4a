"use client";

import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Loading } from "../../../../components/ui/states";
import { DocumentLibrary } from "../_components/document-library";

export default function PortalDocs() {
  return (
    <Suspense fallback={<Loading />}>
      <Docs />
    </Suspense>
  );
}

function Docs() {
  const selected = useSearchParams().get("doc");
  return <DocumentLibrary selectedId={selected} />;
}
