#!/usr/bin/env bash
# peers.sh SETDIR SET OUTDIR: the README's two peer approaches on the tumour/normal BAMs
set -euo pipefail
d=$1; s=$2; o=$3; mkdir -p $o; cd $o
ref=$d/ref.fa; T=$d/${s}_tumour.bam; N=$d/${s}_normal.bam
# bcftools tumour vs normal: keep records where the normal is 0/0 and the tumour carries an ALT
bcftools mpileup --no-version -f $ref -a AD,DP $N $T 2>/dev/null | bcftools call --no-version -mv -Oz -o bcf.all.vcf.gz 2>/dev/null
bcftools view --no-version -i 'GT[0]="RR" && GT[1]="alt"' bcf.all.vcf.gz -Oz -o bcftools_TvsN.vcf.gz
# freebayes pooled-continuous on the tumour, minus positions freebayes calls with an ALT genotype in the normal
freebayes -f $ref --pooled-continuous -F 0.03 -C 2 $T > fb.tumour.vcf 2>/dev/null
freebayes -f $ref $N > fb.normal.vcf 2>/dev/null
bcftools view --no-version -i 'GT="alt"' fb.normal.vcf | grep -v '^#' | cut -f1,2 | sort -u > normal.alt.pos
awk 'NR==FNR{x[$1":"$2]=1; next} /^#/ || !(($1":"$2) in x)' normal.alt.pos fb.tumour.vcf | bgzip -c > freebayes_T-minus-N_all.vcf.gz
bcftools view --no-version -i 'GT="alt"' freebayes_T-minus-N_all.vcf.gz -Oz -o freebayes_T-minus-N_GT.vcf.gz
echo done
