import { redirect } from "next/navigation";

// proxy.ts sends "/" to the right home page for a session; without one, to staff sign-in.
export default function Home() {
  redirect("/login");
}
