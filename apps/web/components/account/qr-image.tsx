"use client";

import QRCode from "qrcode";
import { useEffect, useState } from "react";

/** An otpauth URL as a QR code image, for the authenticator app to scan. */
export function QrImage({ url }: { url: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(url, { margin: 1, width: 200 }).then(setSrc);
  }, [url]);
  return src ? <img src={src} width={200} height={200} alt="QR code to scan with your authenticator app" /> : null;
}
