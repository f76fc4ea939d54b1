/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The simulator is plain server code; keep it out of client bundles by construction.
  serverExternalPackages: [],
};

export default nextConfig;
