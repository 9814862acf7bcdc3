#!/usr/bin/env python3
"""Writes refs/<brand>/*.svg (the reference logos given to PartnerWatch) and the brand list of brands.json.

The logos come from two CC0 npm packages (brand marks remain their owners' trademarks; used only to test detection):
  cd /tmp/npmrefs && npm pack simple-icons@16.37.0 @iconify-json/logos@1.2.20
  mkdir si il && tar xzf simple-icons-16.37.0.tgz -C si && tar xzf iconify-json-logos-1.2.20.tgz -C il
  python3 tools/make_refs.py /tmp/npmrefs
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# id, name, aliases, domains, logos ("il:<name>" = @iconify-json/logos, "si:<name>" = simple-icons)
BRANDS = [
    ("microsoft", "Microsoft", ["微软", "マイクロソフト", "Microsoft Azure"], ["microsoft.com", "azure.com"], ["il:microsoft", "il:microsoft-icon"]),
    ("google", "Google", ["谷歌", "Google Cloud", "グーグル"], ["google.com"], ["il:google", "il:google-icon"]),
    ("aws", "Amazon Web Services", ["AWS", "亚马逊云科技", "亚马逊云"], ["aws.amazon.com", "amazonaws.com"], ["il:aws"]),
    ("ibm", "IBM", [], ["ibm.com"], ["il:ibm"]),
    ("oracle", "Oracle", ["甲骨文"], ["oracle.com"], ["il:oracle"]),
    ("intel", "Intel", ["英特尔"], ["intel.com"], ["il:intel"]),
    ("nvidia", "NVIDIA", ["英伟达"], ["nvidia.com"], ["il:nvidia"]),
    ("amd", "AMD", ["超威半导体"], ["amd.com"], ["il:amd"]),
    ("arm", "Arm", [], ["arm.com"], ["il:arm"]),
    ("redhat", "Red Hat", ["红帽"], ["redhat.com"], ["il:redhat", "il:redhat-icon"]),
    ("sap", "SAP", ["思爱普"], ["sap.com"], ["il:sap"]),
    ("cisco", "Cisco", ["思科"], ["cisco.com"], ["si:cisco"]),
    ("vmware", "VMware", [], ["vmware.com"], ["il:vmware"]),
    ("dell", "Dell", ["戴尔", "Dell Technologies"], ["dell.com"], ["si:dell"]),
    ("huawei", "Huawei", ["华为", "华为云", "Huawei Cloud"], ["huawei.com", "huaweicloud.com"], ["si:huawei"]),
    ("alibabacloud", "Alibaba Cloud", ["阿里云", "Aliyun"], ["alibabacloud.com", "aliyun.com"], ["si:alibabacloud"]),
    ("tencentcloud", "Tencent Cloud", ["腾讯云"], ["cloud.tencent.com", "tencentcloud.com"], []),
    ("baidu", "Baidu", ["百度"], ["baidu.com"], ["si:baidu"]),
    ("meta", "Meta", ["Facebook"], ["meta.com", "facebook.com"], ["il:meta", "il:meta-icon", "il:facebook"]),
    ("linkedin", "LinkedIn", [], ["linkedin.com"], ["il:linkedin", "il:linkedin-icon"]),
    ("github", "GitHub", [], ["github.com"], ["il:github", "il:github-icon"]),
    ("gitlab", "GitLab", [], ["gitlab.com"], ["il:gitlab", "il:gitlab-icon"]),
    ("digitalocean", "DigitalOcean", [], ["digitalocean.com"], ["si:digitalocean"]),
    ("cloudflare", "Cloudflare", [], ["cloudflare.com"], ["il:cloudflare", "il:cloudflare-icon"]),
    ("fastly", "Fastly", [], ["fastly.com"], ["il:fastly"]),
    ("netlify", "Netlify", [], ["netlify.com"], ["il:netlify", "il:netlify-icon"]),
    ("vercel", "Vercel", [], ["vercel.com"], ["il:vercel", "il:vercel-icon"]),
    ("jetbrains", "JetBrains", [], ["jetbrains.com"], ["il:jetbrains", "il:jetbrains-icon"]),
    ("docker", "Docker", [], ["docker.com"], ["il:docker", "il:docker-icon"]),
    ("salesforce", "Salesforce", [], ["salesforce.com"], ["il:salesforce"]),
    ("adobe", "Adobe", [], ["adobe.com"], ["il:adobe", "il:adobe-icon"]),
    ("apple", "Apple", ["苹果公司"], ["apple.com"], ["il:apple"]),
    ("samsung", "Samsung", ["三星"], ["samsung.com"], ["il:samsung"]),
    ("qualcomm", "Qualcomm", ["高通"], ["qualcomm.com"], ["il:qualcomm"]),
    ("mozilla", "Mozilla", [], ["mozilla.org"], ["il:mozilla"]),
    ("datadog", "Datadog", [], ["datadoghq.com"], ["il:datadog", "il:datadog-icon"]),
    ("sentry", "Sentry", [], ["sentry.io"], ["il:sentry", "il:sentry-icon"]),
    ("algolia", "Algolia", [], ["algolia.com"], ["il:algolia"]),
    ("mongodb", "MongoDB", [], ["mongodb.com"], ["il:mongodb", "il:mongodb-icon"]),
    ("stripe", "Stripe", [], ["stripe.com"], ["il:stripe"]),
    ("akamai", "Akamai", ["Linode"], ["akamai.com", "linode.com"], ["il:akamai", "il:linode"]),
    ("browserstack", "BrowserStack", [], ["browserstack.com"], ["il:browserstack"]),
    ("canonical", "Canonical", ["Ubuntu"], ["canonical.com", "ubuntu.com"], ["si:canonical", "il:ubuntu"]),
    ("suse", "SUSE", [], ["suse.com"], ["il:suse"]),
    ("lenovo", "Lenovo", ["联想"], ["lenovo.com"], ["si:lenovo"]),
    ("xiaomi", "Xiaomi", ["小米"], ["mi.com", "xiaomi.com"], ["si:xiaomi"]),
    ("sony", "Sony", ["ソニー", "索尼"], ["sony.com", "sony.net"], ["si:sony"]),
    ("fujitsu", "Fujitsu", ["富士通"], ["fujitsu.com"], ["si:fujitsu"]),
    ("nec", "NEC", ["日本電気"], ["nec.com"], ["si:nec"]),
    ("siemens", "Siemens", ["西门子"], ["siemens.com"], ["si:siemens"]),
    ("bosch", "Bosch", ["博世"], ["bosch.com"], ["si:bosch"]),
    ("bytedance", "ByteDance", ["字节跳动"], ["bytedance.com"], ["si:bytedance"]),
    ("ovh", "OVHcloud", ["OVH"], ["ovh.com", "ovhcloud.com"], ["si:ovh"]),
    ("hetzner", "Hetzner", [], ["hetzner.com"], ["si:hetzner"]),
    ("onepassword", "1Password", [], ["1password.com"], ["si:1password"]),
    ("nokia", "Nokia", ["诺基亚"], ["nokia.com"], ["si:nokia"]),
    ("ericsson", "Ericsson", ["爱立信"], ["ericsson.com"], ["si:ericsson"]),
]


def iconify_svg(data, name):
    icon = data["icons"][name]
    w = icon.get("width", data.get("width", 16)); h = icon.get("height", data.get("height", 16))
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}">{icon["body"]}</svg>\n'


def main():
    npm = sys.argv[1] if len(sys.argv) > 1 else "/tmp/npmrefs"
    iconify = json.load(open(os.path.join(npm, "il/package/icons.json"), encoding="utf-8"))
    brands = []
    for bid, name, aliases, domains, logos in BRANDS:
        out = os.path.join(ROOT, "refs", bid)
        os.makedirs(out, exist_ok=True)
        files = []
        for logo in logos:
            src, icon = logo.split(":", 1)
            if src == "il":
                svg = iconify_svg(iconify, icon)
            else:
                svg = open(os.path.join(npm, "si/package/icons", icon + ".svg"), encoding="utf-8").read()
            fname = f"{icon}.svg"
            open(os.path.join(out, fname), "w", encoding="utf-8").write(svg)
            files.append(f"{bid}/{fname}")
        brands.append({"id": bid, "name": name, "aliases": aliases, "domains": domains, "logos": files})
    json.dump({"brands": brands}, open(os.path.join(ROOT, "brands.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print(f"{len(brands)} brands, {sum(len(b['logos']) for b in brands)} logos")


if __name__ == "__main__":
    main()
