import { Suspense } from "react";
import { ProductList } from "../../../components/staff/products/product-list";
import { Loading } from "../../../components/ui/states";

export const metadata = { title: "Products · mspgraph" };

export default function ProductsPage() {
  return (
    <Suspense fallback={<Loading label="Loading products…" />}>
      <ProductList />
    </Suspense>
  );
}
